// Browser script of the gateway's GraphiQL page (served as /playground/start-playground.js).
// Reads the page's JSON config and renders GraphiQL against the gateway it was served from.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var tab = { query: config.query, headers: config.headers };
  var fetcher = GraphiQL.createFetcher({ url: new URL('./', window.location.href).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.query,
      defaultHeaders: config.headers,
      defaultTabs: [tab],
      defaultEditorToolsVisibility: 'headers',
      // A pasted token stays in this tab only, never in localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();

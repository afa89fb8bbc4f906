export { startGateway } from './start-gateway';
export type { RunningGateway } from './start-gateway';
export type { GatewayOptions } from './gateway-options';
export type { GatewayContext } from './gateway-context';

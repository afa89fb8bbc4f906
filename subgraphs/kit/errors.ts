import { GraphQLError } from 'graphql';

/** A client error that names the offending argument and why it was refused. */
export function badUserInput(argument: string, reason: string): GraphQLError {
  return new GraphQLError(`Invalid argument ${argument}: ${reason}`, {
    extensions: { code: 'BAD_USER_INPUT', argument, reason },
  });
}

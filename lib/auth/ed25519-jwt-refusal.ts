/**
 * Why lib/auth/ed25519-jwt.ts refused a token; `claim` names the claim when a claim check failed (`age`: iat too far in the past).
 */
export class Ed25519JwtRefusal extends Error {
  constructor(
    readonly reason: 'malformed' | 'algorithm' | 'signature' | 'missing' | 'invalid' | 'check',
    readonly claim?: string,
  ) {
    super(claim ? `${reason} (${claim})` : reason);
    this.name = 'Ed25519JwtRefusal';
  }
}

/**
 * Collects every problem of a policy file with where it is (`rules[3] (tax-own-domain).when.dept`),
 * so an author sees all mistakes at once; `throwIfAny()` throws them as one error.
 */
export class PolicyProblems {
  private readonly problems: string[] = [];

  constructor(private readonly source: string) {}

  /** Records a problem at `where`. */
  add(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  /** Throws one error listing every problem, if any. */
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const count = this.problems.length;
    throw new Error(
      `Invalid policy ${this.source} (${count} problem${count === 1 ? '' : 's'}):\n` +
        this.problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

/**
 * A problem with the whole file or the command (unreadable, too large, no header, a required
 * column missing): nothing is sent. The message says what to change.
 */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

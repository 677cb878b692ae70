/**
 * Input an admin command refuses: an unknown client or user, a bad CSV row. The command line
 * prints the message (one line per problem) and exits 2, having written nothing.
 */
export class AdminInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

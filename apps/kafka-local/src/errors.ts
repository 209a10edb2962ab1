/**
 * An error whose message is one sentence a person can act on (what failed, what to do).
 * The CLI prints only the message of these; anything else is a bug and still prints one line.
 */
export class KafkaLocalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KafkaLocalError";
  }
}

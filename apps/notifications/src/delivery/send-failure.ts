/**
 * Why a provider did not take a message. Permanent: sending again cannot help (the number is
 * invalid, unsubscribed, refused). In doubt: the request may have reached the provider with no
 * answer back, so it may have gone.
 */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly inDoubt: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/**
 * Errors of the fake Excel API, shaped like Office.js's `OfficeExtension.Error` (name, code,
 * message, debugInfo) so the adapter handles both the same way.
 */
export type FakeExcelErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class FakeExcelError extends Error {
  readonly debugInfo: { code: string; message: string };

  constructor(
    readonly code: FakeExcelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function propertyNotLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, ` +
      'call the load method on the containing object and call "context.sync()" on the associated request context.',
  );
}

/** Excel refuses any change to a cell (value, format, note, comment) on a protected sheet. */
export function assertUnprotected(sheet: { name: string; protected: boolean }): void {
  if (sheet.protected) {
    throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet. ("${sheet.name}")`);
  }
}

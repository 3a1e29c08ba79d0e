// Domain errors with stable machine-readable codes, mapped to HTTP statuses in one place.

/** Every error the domain raises on purpose; `code` is stable and documented, `message` says what to fix. */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, status = 422, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** The request itself is malformed (wrong type, missing field, out of range). */
export class ValidationError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>, code = 'INVALID_REQUEST') {
    super(code, message, 400, details);
    this.name = 'ValidationError';
  }
}

/** An expected miss: the thing asked for does not exist. */
export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`, 404, { id });
    this.name = 'NotFoundError';
  }
}

/** A write lost an optimistic-concurrency race; the caller must re-read and retry. */
export class VersionConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VERSION_CONFLICT', message, 412, details);
    this.name = 'VersionConflictError';
  }
}

/** The store cannot be reached right now; callers should retry later. */
export class StoreUnavailableError extends DomainError {
  constructor(message = 'the data store is unavailable; retry shortly', retryAfterSeconds = 5) {
    super('STORE_UNAVAILABLE', message, 503, { retry_after_s: retryAfterSeconds });
    this.name = 'StoreUnavailableError';
  }
}

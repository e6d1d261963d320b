/** One field that failed validation, named by its path in the request (`lines[2].quantity`). */
export interface FieldError {
  field: string;
  reason: string;
}

/** The body of every error the API answers with. */
export interface ApiErrorBody {
  statusCode: number;
  /** Stable machine-readable code, e.g. `validation_failed`, `not_found`. */
  error: string;
  message: string;
  details?: FieldError[];
  requestId?: string;
}

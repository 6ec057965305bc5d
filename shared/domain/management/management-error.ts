/**
 * Why a management-plane write (create cloud service, create VM deployment, add data disk, role
 * operations, delete role, set network configuration) is refused: the Service Management error it
 * answers with (`<Error><Code/><Message/></Error>` and the HTTP status). Pure.
 */
export interface ManagementError {
  httpStatus: 400 | 404 | 409;
  /** Service Management `<Code>`: `BadRequest`, `ResourceNotFound` or `ConflictError`. */
  code: 'BadRequest' | 'ResourceNotFound' | 'ConflictError';
  message: string;
}

export const badRequest = (message: string): ManagementError => ({
  httpStatus: 400,
  code: 'BadRequest',
  message,
});

export const resourceNotFound = (message: string): ManagementError => ({
  httpStatus: 404,
  code: 'ResourceNotFound',
  message,
});

export const conflict = (message: string): ManagementError => ({
  httpStatus: 409,
  code: 'ConflictError',
  message,
});

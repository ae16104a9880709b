/** The shortest password Vigil accepts; shared by the browser form and the server. */
export const MIN_PASSWORD_LENGTH = 12;

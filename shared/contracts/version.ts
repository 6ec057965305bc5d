/** The service's version, reported by health and in the User-Agent of its outgoing calls. */
export const serviceVersion = '0.1.0';

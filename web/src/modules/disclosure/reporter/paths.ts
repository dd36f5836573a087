/** The page where a researcher follows a report with the secret link. */
export const trackPath = () => '/reports/track';

/** The tracking page opened with a token in its fragment, which browsers never send to servers. */
export const trackLinkPath = (token: string) => `/reports/track#token=${token}`;

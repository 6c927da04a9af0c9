/**
 * The to-be-signed text lives in @portal/shared (the SPA builds the same text for the card);
 * the API builds it from its own challenge record and configured origin, never from the browser.
 */
export { buildCardAuthTbs, parseCardAuthTbs, CARD_AUTH_TBS_VERSION, type CardAuthTbsInput } from '@portal/shared';

/** Set by the proxy from the path's first segment and the CMS's languages. */
export const READER_LOCALE_HEADER = "x-reader-locale";

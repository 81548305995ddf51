/** Lets tests and stories import the stylesheet for its side effect. */
declare module '*.css';

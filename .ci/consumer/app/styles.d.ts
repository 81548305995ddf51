// What a bundler's client types declare (Vite's `vite/client`): a stylesheet imported for its side effect.
declare module '*.css';

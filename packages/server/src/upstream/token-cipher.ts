/** Encrypts what is written to the shared store, so that a copy of the store does not hand out the token. */
export interface TokenCipher {
  encrypt(plain: string): Promise<string>;
  /** Throws when the text was not written with this key and label (or was changed). */
  decrypt(sealed: string): Promise<string>;
}

const SALT = new TextEncoder().encode('@org-connections/server management token');

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * AES-256-GCM through Web Crypto (`crypto.subtle`), with a key derived from `secret` by HKDF-SHA-256 (the label is
 * the HKDF info and the AES-GCM additional data, so a value cannot be moved to another key). Each value has its
 * own random 96-bit IV: `base64(iv ‖ ciphertext ‖ tag)`.
 */
export function createTokenCipher(secret: string, label: string): TokenCipher {
  const info = new TextEncoder().encode(label);
  let key: Promise<CryptoKey> | undefined;
  const aesKey = () => {
    key ??= crypto.subtle
      .importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          { name: 'HKDF', hash: 'SHA-256', salt: SALT, info },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    return key;
  };
  return {
    async encrypt(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: info },
        await aesKey(),
        new TextEncoder().encode(plain),
      );
      const bytes = new Uint8Array(12 + sealed.byteLength);
      bytes.set(iv);
      bytes.set(new Uint8Array(sealed), 12);
      return toBase64(bytes);
    },
    async decrypt(sealed) {
      const bytes = fromBase64(sealed);
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: info },
        await aesKey(),
        bytes.subarray(12),
      );
      return new TextDecoder().decode(plain);
    },
  };
}

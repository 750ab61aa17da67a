/** A standalone ArrayBuffer holding exactly a view's bytes (a Node Buffer's may be a slice of a shared pool). */
export const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

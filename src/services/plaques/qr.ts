/** The plaque's public address and its QR code, drawn on the server so print and screen show the same code. */
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';

/**
 * The origin printed into QR codes: PUBLIC_ORIGIN when set (the address residents can reach, which a server
 * behind a proxy cannot guess), else the request's own scheme and Host.
 */
export function publicOrigin(request: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>): string {
  const configured = process.env.PUBLIC_ORIGIN?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || request.protocol;
  return `${proto === 'https' ? 'https' : 'http'}://${request.host}`;
}

/** The public page of a plaque: `<origin>/p/<county>/<plaqueCode>`. */
export function plaqueUrl(origin: string, county: string, plaqueCode: string): string {
  return `${origin}/p/${county}/${encodeURIComponent(plaqueCode)}`;
}

/** The QR code of `url` as SVG markup (margin 1, error correction M: survives a scuffed door card). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

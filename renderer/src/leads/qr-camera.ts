/**
 * Reading QR codes (badges, business cards) from the laptop camera.
 *
 * Decoding uses the browser's BarcodeDetector where it exists with QR support (Chromium on macOS,
 * ChromeOS, Android) and jsQR otherwise (Chromium on Linux and Windows has no detector). jsQR is
 * plain JavaScript: it needs no WebAssembly, so the strict CSP stays as it is, and nothing is
 * fetched at run time. It runs on the main thread on a downscaled frame at a modest rate that
 * backs off when decoding is slow, so the capture form stays responsive while the camera is on.
 */
import jsQR from 'jsqr';

/** Why the camera could not start; the UI translates the code. */
export type QrCameraErrorCode =
  /** No getUserMedia: not a secure context, or a browser without cameras. */
  | 'unsupported'
  /** No camera attached, or none matching the request. */
  | 'no-camera'
  /** The person (or the app's permission handler) refused camera access. */
  | 'permission-denied'
  /** Another program holds the camera, or the OS could not start it. */
  | 'camera-in-use'
  /** The camera went away while reading (unplugged, taken by the OS). */
  | 'camera-lost'
  | 'failed';

export class QrCameraError extends Error {
  constructor(
    readonly code: QrCameraErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QrCameraError';
  }
}

export interface QrCameraOptions {
  /** 'environment' (back camera) on tablets; laptops have one camera whatever is asked. */
  facingMode?: 'user' | 'environment';
  deviceId?: string;
  /** Time between decode attempts (default 120 ms); doubled decode time if that is longer. */
  intervalMs?: number;
  /** Frames are scaled down to this width before decoding (default 800 px). */
  maxDecodeWidth?: number;
  /** The same code read again after this long out of view counts as a new read (default 3 s). */
  forgetAfterMs?: number;
  /** Errors after start, such as the camera being unplugged. */
  onError?: (error: QrCameraError) => void;
}

export interface QrCameraSession {
  /** Stops decoding and releases the camera (the light goes off). Safe to call twice. */
  stop(): void;
}

/**
 * Starts the camera into `video` and calls `onText` once for each distinct code that comes into
 * view. Rejects with a QrCameraError when the camera cannot be started.
 */
export async function startQrCamera(
  video: HTMLVideoElement,
  onText: (text: string) => void,
  opts: QrCameraOptions = {},
): Promise<QrCameraSession> {
  const { intervalMs = 120, maxDecodeWidth = 800, forgetAfterMs = 3000, onError } = opts;
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new QrCameraError('unsupported', 'This browser cannot use a camera here.');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        // `ideal`, not exact: a laptop webcam that cannot do 1280 or has no back camera still starts.
        ...(opts.deviceId ? { deviceId: { exact: opts.deviceId } } : { facingMode: { ideal: opts.facingMode ?? 'environment' } }),
        width: { ideal: 1280 },
        height: { ideal: 720 },
      },
    });
  } catch (error) {
    throw cameraError(error);
  }

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.pause();
    video.srcObject = null;
  };
  for (const track of stream.getVideoTracks()) {
    track.addEventListener('ended', () => {
      if (stopped) return;
      stop();
      onError?.(new QrCameraError('camera-lost', 'The camera stopped.'));
    });
  }

  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch (error) {
    stop();
    throw new QrCameraError('failed', 'The camera picture could not be shown.', { cause: error });
  }

  const decode = await createDecoder(maxDecodeWidth);
  const distinct = new DistinctCodes(forgetAfterMs);
  const tick = async () => {
    if (stopped) return;
    const began = performance.now();
    let text: string | null;
    try {
      text = await decode(video);
    } catch {
      text = null; // a frame that cannot be read (camera still warming up) is just skipped
    }
    if (stopped) return;
    if (text !== null && distinct.isNew(text, performance.now())) onText(text);
    const spent = performance.now() - began;
    timer = setTimeout(() => void tick(), Math.max(intervalMs, spent * 2));
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return { stop };
}

/** Maps getUserMedia's DOMException names (and Chromium's older ones) to our codes. */
function cameraError(error: unknown): QrCameraError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new QrCameraError('permission-denied', 'Camera access was refused.', { cause: error });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new QrCameraError('no-camera', 'No camera was found.', { cause: error });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new QrCameraError('camera-in-use', 'The camera is in use by another program.', { cause: error });
    case 'TypeError':
      return new QrCameraError('unsupported', 'This browser cannot use a camera here.', { cause: error });
    default:
      return new QrCameraError('failed', 'The camera could not be started.', { cause: error });
  }
}

/**
 * Fires once per code in view: a code seen again is new only if it is different from the last
 * one, or the last one has not been seen for `forgetAfterMs` (the badge was taken away and shown
 * again). Single missed frames (blur) do not count as "taken away".
 */
export class DistinctCodes {
  private last: string | null = null;
  private lastSeenAt = -Infinity;

  constructor(private readonly forgetAfterMs: number) {}

  isNew(text: string, now: number): boolean {
    const isNew = text !== this.last || now - this.lastSeenAt > this.forgetAfterMs;
    this.last = text;
    this.lastSeenAt = now;
    return isNew;
  }
}

type FrameDecoder = (video: HTMLVideoElement) => Promise<string | null>;

/** The parts of the Barcode Detection API used here (not in TypeScript's DOM types yet). */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function createDecoder(maxWidth: number): Promise<FrameDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (Detector) {
    try {
      if ((await Detector.getSupportedFormats()).includes('qr_code')) {
        const detector = new Detector({ formats: ['qr_code'] });
        return async (video) => {
          const found = await detector.detect(video);
          return found[0]?.rawValue || null;
        };
      }
    } catch {
      // a detector that cannot list its formats: fall back to jsQR
    }
  }
  const canvas = document.createElement('canvas');
  // willReadFrequently keeps the canvas in CPU memory, so getImageData does not read back from the GPU each frame.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new QrCameraError('failed', 'No canvas to read the camera picture.');
  return async (video) => {
    const { videoWidth, videoHeight } = video;
    if (!videoWidth || !videoHeight || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
    const scale = Math.min(1, maxWidth / videoWidth);
    const width = Math.round(videoWidth * scale);
    const height = Math.round(videoHeight * scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.drawImage(video, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    // Badges print dark on light; not trying the inverted image halves the work per frame.
    const code = jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' });
    return code ? qrText(code.binaryData, code.data, code.chunks.some((c) => c.type === 'kanji')) : null;
  };
}

/**
 * The text of a QR code from its bytes. UTF-8 is what phones and badge printers write (vCards
 * with accented and Cyrillic names); jsQR's own `data` drops byte segments that are not UTF-8,
 * so those are read as Windows-1252, the usual meaning of the standard's ISO-8859-1 default.
 * Kanji segments are left to jsQR, which already decodes them.
 */
function qrText(bytes: number[], decoded: string, hasKanji: boolean): string | null {
  if (hasKanji) return decoded || null;
  const data = Uint8Array.from(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text || null;
}

import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, FileButton, Group, Image, Modal, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconFileImport, IconPhoto, IconQrcode, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QrCameraError, startQrCamera, type QrCameraErrorCode } from './qr-camera';

interface CardScannerProps {
  /** Text read from a code by the camera. */
  onCode: (text: string) => void;
  /** A .vcf file picked for import: its bytes (an 8-bit Outlook export is not UTF-8, see core/leads/vcard.ts). */
  onVcf: (bytes: Uint8Array, fileName: string) => void;
  /** A card photo: taken with the camera or dropped. */
  onPhoto: (file: File) => void;
  onRemovePhoto: () => void;
  photoUrl: string | null;
}

/** Scanning a badge or card, importing a .vcf, and the business-card photo. */
export function CardScanner({ onCode, onVcf, onPhoto, onRemovePhoto, photoUrl }: CardScannerProps) {
  const { t } = useTranslation();
  const [cameraOpen, setCameraOpen] = useState(false);
  const [dragging, setDragging] = useState(false);

  const importVcf = async (file: File | null) => {
    if (file) onVcf(new Uint8Array(await file.arrayBuffer()), file.name);
  };

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('capture.scan.title')}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconQrcode size={14} />} onClick={() => setCameraOpen(true)}>
          {t('capture.scan.camera')}
        </Button>
        <FileButton onChange={(f) => void importVcf(f)} accept=".vcf,text/vcard,text/x-vcard">
          {(props) => (
            <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} {...props}>
              {t('capture.scan.importVcf')}
            </Button>
          )}
        </FileButton>
        <FileButton onChange={(f) => f && onPhoto(f)} accept="image/*">
          {(props) => (
            <Button size="xs" variant="default" leftSection={<IconPhoto size={14} />} {...props}>
              {t('capture.scan.addPhoto')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('capture.scan.scannerHint')}
      </Text>
      <Paper
        withBorder
        p="xs"
        data-testid="photo-drop"
        style={{ borderStyle: 'dashed', borderColor: dragging ? 'var(--mantine-color-indigo-5)' : undefined }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) onPhoto(file);
        }}
      >
        {photoUrl ? (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Image src={photoUrl} alt={t('capture.scan.photo')} h={90} w="auto" fit="contain" radius="sm" />
            <ActionIcon variant="subtle" color="gray" aria-label={t('capture.scan.photoRemove')} onClick={onRemovePhoto}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ) : (
          <Group gap={6} c="dimmed">
            <IconPhoto size={16} />
            <Text size="xs">{t('capture.scan.photoDrop')}</Text>
          </Group>
        )}
      </Paper>
      {cameraOpen && (
        <CameraModal
          onClose={() => setCameraOpen(false)}
          onCode={(text) => {
            setCameraOpen(false);
            onCode(text);
          }}
          onPhoto={onPhoto}
        />
      )}
    </Stack>
  );
}

/** The camera: reads codes as they come into view, and takes a photo of the card on request. */
function CameraModal({ onClose, onCode, onPhoto }: { onClose: () => void; onCode: (text: string) => void; onPhoto: (file: File) => void }) {
  const { t } = useTranslation();
  // A state, not a ref: the modal mounts its content after the first render (in a portal, with a
  // transition), and the camera starts when the element exists.
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [error, setError] = useState<QrCameraErrorCode | null>(null);
  const [ready, setReady] = useState(false);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    let session: { stop(): void } | null = null;
    let cancelled = false;
    const element = video;
    if (!element) return;
    const fail = (e: unknown) => setError(e instanceof QrCameraError ? e.code : 'failed');
    startQrCamera(element, (text) => onCodeRef.current(text), { onError: fail })
      .then((s) => {
        if (cancelled) s.stop();
        else {
          session = s;
          setReady(true);
        }
      })
      .catch(fail);
    return () => {
      cancelled = true;
      session?.stop();
    };
  }, [video]);

  const takePhoto = () => {
    const v = video;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (blob) onPhoto(new File([blob], `card-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.jpg`, { type: 'image/jpeg' }));
      },
      'image/jpeg',
      0.85,
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('capture.scan.cameraTitle')} size="lg">
      <Stack>
        {error && <Alert color="red">{t(`capture.scan.cameraError.${error}`)}</Alert>}
        <video ref={setVideo} muted playsInline style={{ width: '100%', background: '#111', borderRadius: 4, display: error ? 'none' : 'block' }} data-testid="camera-video" />
        {!ready && !error && (
          <Text size="sm" c="dimmed">
            {t('capture.scan.starting')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconCamera size={16} />} disabled={!ready} onClick={takePhoto}>
            {t('capture.scan.takePhoto')}
          </Button>
          <Button onClick={onClose}>{t('capture.scan.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

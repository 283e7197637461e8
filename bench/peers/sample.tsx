// A small component for timing designlint's start-up on one file (bench/run.py).
import { useEffect, useRef } from "react";

export function Trailer({ src }: { src: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    ref.current?.play();
  }, []);
  return <video ref={ref} src={src} muted playsInline />;
}

import { useRef, useState } from "react";

type Clip = { id: string; src: string; title: string };

// The clip player starts by itself and rolls on to the next clip when one ends.
export function Player({ clips }: { clips: Clip[] }) {
  const [index, setIndex] = useState(0);
  const video = useRef<HTMLVideoElement>(null);

  function handleEnded() {
    setIndex((i) => (i + 1) % clips.length);
    video.current?.play();
  }

  return (
    <video
      ref={video}
      src={clips[index].src}
      autoPlay
      onEnded={handleEnded}
    />
  );
}

// The lesson player waits for the viewer: play only on a click, with controls.
export function LessonPlayer({ src }: { src: string }) {
  const video = useRef<HTMLVideoElement>(null);
  return (
    <div>
      <video ref={video} src={src} controls preload="metadata" />
      <button onClick={() => video.current?.play()}>Play lesson</button>
    </div>
  );
}

import { useEffect, useRef, useState } from "react";
import { fetchPosts } from "./api";
import PostCard from "./PostCard";

// The home feed: a sentinel at the bottom of the list loads the next page as it scrolls into view.
export default function Feed() {
  const [posts, setPosts] = useState([]);
  const [page, setPage] = useState(1);
  const sentinel = useRef(null);

  useEffect(() => {
    fetchPosts(page).then((next) => setPosts((prev) => [...prev, ...next]));
  }, [page]);

  useEffect(() => {
    const observer = new IntersectionObserver((entries) => {
      if (entries[0].isIntersecting) {
        setPage((p) => p + 1);
      }
    });
    if (sentinel.current) observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, []);

  return (
    <main>
      {posts.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
      <div ref={sentinel} aria-hidden="true" />
    </main>
  );
}

import { useState } from "react";
import { fetchPosts } from "./api";

// The archive pages through old posts only when the reader asks for more: no finding here.
export default function Archive() {
  const [posts, setPosts] = useState([]);
  const [page, setPage] = useState(1);

  async function showMore() {
    const next = await fetchPosts(page + 1);
    setPosts([...posts, ...next]);
    setPage(page + 1);
  }

  return (
    <section>
      {posts.map((post) => (
        <article key={post.id}>{post.title}</article>
      ))}
      <button onClick={showMore}>Show more posts</button>
    </section>
  );
}

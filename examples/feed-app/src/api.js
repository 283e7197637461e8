export async function fetchPosts(page) {
  const response = await fetch(`/api/posts?page=${page}`);
  return response.json();
}

export async function fetchComments(page) {
  const response = await fetch(`/api/comments?page=${page}`);
  return response.json();
}

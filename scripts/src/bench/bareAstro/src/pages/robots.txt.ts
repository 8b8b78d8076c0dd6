export const GET = () => new Response('User-agent: *\nAllow: /\n')

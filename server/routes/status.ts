import type { FastifyInstance } from 'fastify'
import { openApiDocument, ref } from '../schemas/openapi'

export async function statusRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/status',
    { config: { public: true }, schema: { response: { 200: ref('Status'), 503: ref('Status') } } },
    async (_request, reply) => {
      try {
        app.db.prepare('SELECT 1').get()
        return { status: 'ok' }
      } catch {
        // 503 as well as "fail", so that health checks that only read the status code notice.
        return reply.code(503).send({ status: 'fail' })
      }
    },
  )

  app.get('/openapi.json', { config: { public: true } }, async () => openApiDocument(app.apiGeneration))
}

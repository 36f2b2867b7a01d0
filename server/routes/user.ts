import type { FastifyInstance } from 'fastify'
import { ref } from '../schemas/openapi'

export async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get('/user', { schema: { response: { 200: ref('User') } } }, async (request) => {
    const { id, email, name, surname, staff } = request.user
    return { id, email, name, surname, staff: staff === 1 }
  })
}

import type { FastifyInstance } from 'fastify'
import { notFound } from '../lib/http-error'
import { voucherParams } from '../schemas/bodies'
import { ref } from '../schemas/openapi'

/** Current generation only: `GET /vouchers/{code}` → `{"description"}`; an unknown code is a 404. */
export async function vouchersRoutes(app: FastifyInstance): Promise<void> {
  const { vouchers } = app.repositories
  app.get<{ Params: { code: string } }>(
    '/vouchers/:code',
    { schema: { params: voucherParams, response: { 200: ref('Voucher') } } },
    async (request) => {
      const voucher = vouchers.find(request.params.code)
      if (!voucher)
        throw notFound(
          `There is no voucher "${request.params.code}". Check the code, or leave the voucher out.`,
        )
      return { description: voucher.description }
    },
  )
}

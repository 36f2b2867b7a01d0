import type Database from 'better-sqlite3'

export interface VoucherRow {
  code: string
  description: string
}

/** Voucher codes (current generation: GET /vouchers/{code}, and `voucher` on create). */
export function vouchersRepository(db: Database.Database) {
  const byCode = db.prepare<[string], VoucherRow>('SELECT code, description FROM vouchers WHERE code = ?')
  const insert = db.prepare('INSERT INTO vouchers (code, description) VALUES (?, ?)')
  return {
    find: (code: string) => byCode.get(code),
    insert: (voucher: VoucherRow) => void insert.run(voucher.code, voucher.description),
  }
}

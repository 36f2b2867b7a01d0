import { describe, expect, it } from 'vitest'
import type { UsageAnswer } from '../../../api/model'
import { parseBudget, readBudgetText } from './budget-text'
import { budgetPerDay, budgetStatus, dailyCredits, periodCredits } from './credit-budget'

const point = (day: string, value: number) => ({
  start_date: `${day}T00:00:00Z`,
  end_date: `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}T00:00:00Z`,
  value,
})
const period = { start: '2026-11-01', end: '2026-12-01' } // 30 days
const at = (day: string) => new Date(`${day}T12:00:00Z`)
/** The last moment of a day: the day has (all but) passed. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`)
const days = (...credits: number[]) =>
  credits.map((value, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, credits: value }))

describe('dailyCredits', () => {
  it('adds up the credits series of every object type in the 2022 generation', () => {
    const answer: UsageAnswer = {
      generation: '2022',
      series: [
        {
          object_type: 'deployment_version',
          metric: 'credits',
          usage: [point('2026-11-01', 1.1), point('2026-11-02', 2)],
        },
        { object_type: 'pipeline_version', metric: 'credits', usage: [point('2026-11-01', 0.2)] },
        { object_type: 'pipeline_version', metric: 'input_volume', usage: [point('2026-11-01', 999)] },
      ],
    }
    expect(dailyCredits(answer)).toEqual({
      days: [
        { day: '2026-11-01', credits: 1.3 },
        { day: '2026-11-02', credits: 2 },
      ],
      range: { start: '2026-11-01', end: '2026-11-03' },
    })
  })

  it('reads data_organization in the current generation, and no buckets as no range', () => {
    const current: UsageAnswer = {
      generation: 'current',
      organization: [point('2026-11-05', 4)],
      projects: [],
      deletedProjects: [],
    }
    expect(dailyCredits(current).days).toEqual([{ day: '2026-11-05', credits: 4 }])
    expect(dailyCredits({ ...current, organization: [] })).toEqual({ days: [], range: null })
  })
})

describe('periodCredits', () => {
  const answer: UsageAnswer = {
    generation: 'current',
    organization: [
      point('2026-11-01', 10),
      point('2026-11-02', 20.5),
      { start_date: '2026-11-30T00:00:00Z', end_date: '2026-12-01T00:00:00Z', value: 0 },
    ],
    projects: [],
    deletedProjects: [],
  }

  it('gives what is used, the projection following the days before today and the days left, today included', () => {
    // Noon of the 2nd: 1.5 days of 30 have passed (today only in part), 30.5 used so far; the one
    // whole day before (the 1st, 10) is what each day to come is expected to bring: half of today
    // and 28 days more, 285.
    const credits = periodCredits(answer, at('2026-11-02'))
    expect(credits.used).toBe(30.5)
    expect(credits.range).toEqual({ start: '2026-11-01', end: '2026-12-01' })
    expect(credits.projection).toMatchObject({ projected: 315.5, elapsedDays: 1.5, periodDays: 30 })
    expect(credits.daysLeft).toBe(29)
    expect(periodCredits(answer, at('2026-11-30')).daysLeft).toBe(1)
  })

  it('has no projection and no days left outside the range, or without buckets', () => {
    expect(periodCredits(answer, at('2026-12-01'))).toMatchObject({ projection: null, daysLeft: null })
    expect(periodCredits({ ...answer, organization: [] }, at('2026-11-02'))).toMatchObject({
      used: 0,
      range: null,
      projection: null,
      daysLeft: null,
    })
  })
})

describe('budgetStatus', () => {
  it('is ok under 75% with a pace that stays under the budget', () => {
    // Noon of the 3rd: 30 used; 10 a day before, so half of today and 27 days more bring 275.
    const status = budgetStatus(days(10, 10, 10), period, 1000, at('2026-11-03'))
    expect(status).toMatchObject({
      level: 'ok',
      used: 30,
      usedShare: 0.03,
      projected: 305,
      crossingDay: null,
    })
  })

  it('expects the crossing later when the days to come hold a weekend', () => {
    // Sunday 1 November 2026 brought 10, Monday 2 to Friday 6 100 a day: 510 by Friday night.
    const week = days(10, 100, 100, 100, 100, 100)
    const fridayNight = endOf('2026-11-06')
    // Saturday and Sunday bring 10 each, Monday 100: 630 on Monday the 9th (the flat pace of 85 a
    // day would say Sunday the 8th).
    expect(budgetStatus(week, period, 630, fridayNight).crossingDay).toBe('2026-11-09')
    expect(budgetStatus(week, period, 521, fridayNight).crossingDay).toBe('2026-11-08')
  })

  it('warns when the pace passes the budget, with the first day the running total reaches it', () => {
    // 300 by the end of the 3rd: 100 a day; 1000 is reached on day 10 (3 + ⌈700 ÷ 100⌉).
    const status = budgetStatus(days(100, 100, 100), period, 1000, endOf('2026-11-03'))
    expect(status).toMatchObject({ level: 'projected', crossingDay: '2026-11-10' })
    expect(status.projected).toBeCloseTo(3000)
  })

  it('warns at 75%, even when the pace stays under the budget until the period ends', () => {
    // Noon of the first day, no whole day before: the flat pace of today (1520 a day) passes 1000 today.
    const status = budgetStatus(days(760), period, 1000, at('2026-11-01'))
    expect(status.level).toBe('warning')
    expect(status.crossingDay).toBe('2026-11-01')
    const late = budgetStatus(
      [{ day: '2026-11-30', credits: 0 }, ...days(750)],
      period,
      1000,
      at('2026-11-30'),
    )
    expect(late).toMatchObject({ level: 'warning', crossingDay: null })
  })

  it('gives the day the budget was used up once it is', () => {
    const status = budgetStatus(days(400, 400, 400, 100), period, 1000, at('2026-11-04'))
    expect(status).toMatchObject({ level: 'exceeded', usedShare: 1.3, crossingDay: '2026-11-03' })
  })

  it('expects no crossing without usage, and no projection outside the period', () => {
    expect(budgetStatus([], period, 10, at('2026-11-10'))).toMatchObject({ level: 'ok', crossingDay: null })
    expect(budgetStatus(days(1), period, 10, at('2026-12-05')).projected).toBeNull()
  })

  it('puts a crossing on the period’s last day inside, and one after it outside', () => {
    // 10 a day for 10 days is 100; 300 is reached on day 30 (10 + 20), the last day.
    expect(budgetStatus(days(...Array(10).fill(10)), period, 300, endOf('2026-11-10')).crossingDay).toBe(
      '2026-11-30',
    )
    expect(budgetStatus(days(...Array(10).fill(10)), period, 301, endOf('2026-11-10')).crossingDay).toBeNull()
  })
})

describe('budgetPerDay and parseBudget', () => {
  it('spreads the budget over the period’s days', () => {
    expect(budgetPerDay(300, period)).toBe(10)
  })

  it('accepts positive amounts with separators, refuses the rest', () => {
    expect(parseBudget(' 1,500 ', 'en-US')).toBe(1500)
    expect(parseBudget('12.5', 'en-US')).toBe(12.5)
    for (const bad of ['', '0', '-5', 'abc', '1.234', '1e3', '250,5'])
      expect(parseBudget(bad, 'en-US')).toBeNull()
  })

  it('reads a budget in the reader’s locale, and says what to type', () => {
    // The de-DE trial: "250,5" was read as 2.505,00 and "60.000" refused.
    expect(parseBudget('250,5', 'de-DE')).toBe(250.5)
    expect(parseBudget('60.000', 'de-DE')).toBe(60000)
    expect(readBudgetText('250.5', 'de-DE')).toEqual({
      problem: expect.stringMatching(
        /^The thousands separators are not where they belong\. .*as in 60\.000 or 250,5\.$/,
      ),
    })
    expect(readBudgetText('0', 'de-DE')).toEqual({
      problem: 'Enter a number of credits above 0, with at most two decimals.',
    })
    expect(readBudgetText('1,005', 'de-DE')).toEqual({
      problem: expect.stringMatching(/^Use at most two decimals\./),
    })
  })
})

const { SourceMapConsumer } = require('source-map-js')
const fs = require('fs'), path = require('path'), zlib = require('zlib')
const dir = process.argv[2]
for (const file of process.argv.slice(3)) {
  const code = fs.readFileSync(path.join(dir, file), 'utf8')
  const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(path.join(dir, file + '.map'), 'utf8')))
  const lines = code.split('\n')
  const bySource = {}
  const mappings = []
  map.eachMapping(m => mappings.push(m))
  // attribute each generated segment to its source
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i], n = mappings[i + 1]
    let text
    if (n && n.generatedLine === m.generatedLine) text = lines[m.generatedLine - 1].slice(m.generatedColumn, n.generatedColumn)
    else text = lines[m.generatedLine - 1].slice(m.generatedColumn)
    const src = (m.source || '?').replace(/.*node_modules\//, '')
    bySource[src] = (bySource[src] || '') + text
  }
  const rows = Object.entries(bySource).map(([s, t]) => [s, t.length, zlib.gzipSync(t).length]).sort((a, b) => b[1] - a[1])
  console.log('==', file)
  for (const r of rows.slice(0, 40)) console.log(String(r[1]).padStart(8), String(r[2]).padStart(7), r[0])
}

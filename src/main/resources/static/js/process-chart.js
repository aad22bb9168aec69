// XmR chart of an improvement project or a process chart: the monthly values, the
// baseline mean, process limits and two-sigma lines carried forward. Months that signal
// are drawn larger, in a second colour and shape; the same figures and signals are in
// the table under the chart, in words.
const canvas = document.getElementById('xmr-chart')
if (canvas && window.Chart) {
  const data = JSON.parse(canvas.dataset.chart)
  const line = (value) => data.labels.map(() => value)
  const colour = (s) => s === 'IMPROVEMENT' ? '#1d70b8' : s === 'CONCERN' ? '#f47738' : '#505a5f'
  const datasets = [{
    label: 'Performance (%)',
    data: data.values,
    borderColor: '#505a5f',
    pointBackgroundColor: data.signals.map(colour),
    pointBorderColor: data.signals.map(colour),
    pointRadius: data.signals.map((s) => s ? 6 : 3),
    pointStyle: data.signals.map((s) => s === 'CONCERN' ? 'triangle' : s === 'IMPROVEMENT' ? 'rectRot' : 'circle'),
    spanGaps: true
  }]
  if (data.mean !== null) {
    const trial = data.trial ? ' (trial)' : ''
    datasets.push({ label: 'Mean' + trial, data: line(data.mean), borderColor: '#0b0c0c', pointRadius: 0 })
    datasets.push({ label: 'Upper process limit' + trial, data: line(data.upper), borderColor: '#d4351c', borderDash: [6, 4], pointRadius: 0 })
    datasets.push({ label: 'Lower process limit' + trial, data: line(data.lower), borderColor: '#d4351c', borderDash: [6, 4], pointRadius: 0 })
    datasets.push({ label: 'Two-sigma lines', data: line(data.upper2s), borderColor: '#b1b4b6', borderDash: [2, 3], pointRadius: 0 })
    datasets.push({ label: 'Lower two-sigma line', data: line(data.lower2s), borderColor: '#b1b4b6', borderDash: [2, 3], pointRadius: 0 })
  }
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: 'line',
    data: { labels: data.labels, datasets },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { title: { display: true, text: '%' } } } }
  })
}

// Trend chart of a measure page: performance with target and trigger lines. The same
// figures are in the table under the chart.
const canvas = document.getElementById('trend-chart')
if (canvas && window.Chart) {
  const data = JSON.parse(canvas.dataset.chart)
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        { label: 'Performance (%)', data: data.performance, borderColor: '#1d70b8', backgroundColor: '#1d70b8', spanGaps: false },
        { label: 'Target', data: data.target, borderColor: '#00703c', borderDash: [6, 4], pointRadius: 0, stepped: true },
        { label: 'Trigger', data: data.trigger, borderColor: '#d4351c', borderDash: [2, 3], pointRadius: 0, stepped: true }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { suggestedMin: 50, max: 100, title: { display: true, text: '%' } } } }
  })
}

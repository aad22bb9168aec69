// Trend chart of the equality overview: one group's monthly performance against the rest.
// The same figures are in the table under the chart.
const canvas = document.getElementById('equality-chart')
if (canvas && window.Chart) {
  const data = JSON.parse(canvas.dataset.chart)
  // eslint-disable-next-line no-new
  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        { label: canvas.dataset.group + ' (%)', data: data.group, borderColor: '#1d70b8', backgroundColor: '#1d70b8', spanGaps: false },
        { label: 'The rest (%)', data: data.rest, borderColor: '#505a5f', backgroundColor: '#505a5f', borderDash: [6, 4], spanGaps: false }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { suggestedMin: 50, max: 100, title: { display: true, text: '%' } } } }
  })
}

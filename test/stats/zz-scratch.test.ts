test('perf', () => {
  let t = performance.now(); let s = 0;
  for (let i = 0; i < 1e6; i++) s = (s + Math.imul(i, 2654435761)) | 0;
  console.log('imul 1e6', performance.now() - t, s);
  t = performance.now(); s = 0;
  for (let i = 0; i < 1e6; i++) s = (s + ((i * 31) >>> 3)) | 0;
  console.log('shift 1e6', performance.now() - t, s);
  t = performance.now(); let f = 0;
  for (let i = 0; i < 1e6; i++) f += Math.floor(i / 3);
  console.log('floor 1e6', performance.now() - t, f);
});

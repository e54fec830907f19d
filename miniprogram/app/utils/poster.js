// The officer's share poster, drawn on a Canvas 2D context: pure layout and drawing, no wx calls, so
// the tests can check what is drawn with a recording context. Sizes are in CSS pixels; the page
// scales the context by the screen's pixel ratio.

const WIDTH = 300;
const HEIGHT = 500;
const PADDING = 20;
const CODE_SIZE = 120;

const COLORS = { brand: '#0052d9', text: '#1f2329', muted: '#4b5563', band: '#0052d9', paper: '#ffffff' };

/** Lines of `text` that fit `maxWidth` at the context's current font (Chinese breaks anywhere). */
function wrap(ctx, text, maxWidth, maxLines) {
  const lines = [];
  let line = '';
  Array.from(String(text || '')).forEach((ch) => {
    const next = line + ch;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = ch;
    } else {
      line = next;
    }
  });
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, -1)}…`;
    return kept;
  }
  return lines;
}

/**
 * Draw the poster.
 * @param {object} ctx a CanvasRenderingContext2D (or anything with the same methods)
 * @param {object} p {title, summary, byline, code (an image, or null), codeNote}
 */
function drawPoster(ctx, p) {
  ctx.fillStyle = COLORS.paper;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);

  // Header band: whose app this is.
  ctx.fillStyle = COLORS.band;
  ctx.fillRect(0, 0, WIDTH, 56);
  ctx.fillStyle = COLORS.paper;
  ctx.font = 'bold 20px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText('科普云溪', PADDING, 28);
  ctx.font = '12px sans-serif';
  ctx.fillText('云溪区全民科学素质行动', PADDING + 92, 29);

  ctx.textBaseline = 'top';
  let y = 76;
  ctx.fillStyle = COLORS.text;
  ctx.font = 'bold 22px sans-serif';
  wrap(ctx, p.title, WIDTH - PADDING * 2, 3).forEach((line) => {
    ctx.fillText(line, PADDING, y);
    y += 32;
  });

  if (p.summary) {
    y += 4;
    ctx.fillStyle = COLORS.muted;
    ctx.font = '15px sans-serif';
    wrap(ctx, p.summary, WIDTH - PADDING * 2, 4).forEach((line) => {
      ctx.fillText(line, PADDING, y);
      y += 23;
    });
  }

  // Who recommends it: a neighbour's name is what makes villagers open it.
  ctx.fillStyle = COLORS.brand;
  ctx.font = 'bold 15px sans-serif';
  ctx.fillText(p.byline, PADDING, HEIGHT - CODE_SIZE - 74);

  const codeTop = HEIGHT - CODE_SIZE - 44;
  if (p.code) {
    ctx.drawImage(p.code, PADDING, codeTop, CODE_SIZE, CODE_SIZE);
    ctx.fillStyle = COLORS.text;
    ctx.font = '15px sans-serif';
    ctx.fillText('长按识别小程序码', PADDING + CODE_SIZE + 14, codeTop + 40);
    ctx.fillText('阅读全文', PADDING + CODE_SIZE + 14, codeTop + 64);
  } else {
    ctx.fillStyle = COLORS.text;
    ctx.font = '15px sans-serif';
    wrap(ctx, p.codeNote, WIDTH - PADDING * 2, 3).forEach((line, i) => {
      ctx.fillText(line, PADDING, codeTop + 20 + i * 23);
    });
  }
}

/** "科普信息员 张*（新塘村）向您推荐" from the approved OfficerView. */
function byline(officer) {
  const where = officer.regionName ? `（${officer.regionName}）` : '';
  return `${officer.roleLabel} ${officer.nameMasked || ''}${where}向您推荐`;
}

module.exports = { WIDTH, HEIGHT, drawPoster, wrap, byline };

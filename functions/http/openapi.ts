// OpenAPI document metadata and the browsable docs page (Swagger UI served from our own origin).

export const OPENAPI_INFO = {
  title: 'Yuhu block map API (雨湖区区块治理地图)',
  version: '0.1.0',
  description:
    'Point-to-block lookup, boundaries, incidents and hot spots for the block-grid governance of Yuhu District, Xiangtan. ' +
    'Coordinates are WGS84 [lon, lat] (RFC 7946) unless a `crs` parameter says gcj02. Errors always carry ' +
    '`{ "error": { "code", "message", "details"? } }`.',
};

/** Path under which the static Swagger UI assets are served (from the swagger-ui-dist package). */
export const DOCS_ASSETS_PATH = '/docs-assets';

/** HTML of the docs page; the assets come from our own origin so it works offline and under a strict CSP. */
export function docsPage(specUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Yuhu block map API</title>
<link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-spec="${specUrl}"></div>
<script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_ASSETS_PATH}/docs-init.js"></script>
</body>
</html>`;
}

/** Tiny initialiser kept out of the HTML so the page needs no inline script. */
export const DOCS_INIT_JS = `window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.spec,
  dom_id: '#swagger-ui',
  deepLinking: true,
});`;

/**
 * Builds the Excel add-in into dist/: the task pane (taskpane.html), the ribbon's function file
 * (commands.html), the "Prøv uden Excel" harness (harness.html), the icons and the manifest.
 *
 *   npm run build        production build; manifest URLs point at ADDIN_PRODUCTION_URL
 *   npm run dev-server   https://localhost:3000 for sideloading manifest.xml
 *
 * Every page carries a Content-Security-Policy that allows no network except loading Office.js
 * from Microsoft's CDN, and its host-trust frame (the pane and the function file; the harness
 * allows none at all). No 'unsafe-eval': zod runs jitless (src/taskpane/zodJitless.ts).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * The oldest JavaScript the pane may emit. The manifest admits ExcelApi 1.13 and later; of the
 * webviews those hosts use (README, "Hvilke Excel-versioner"), the oldest is Safari 12's WKWebView
 * (Excel for Mac 16.50 on macOS 10.14), which parses ES2018. Windows hosts with 1.13 use WebView2.
 * test/excelBuild.test.ts parses the emitted bundles at this version.
 */
const ECMA_TARGET = 'es2018';

/** Where the production build is served from (https, ending in a slash); required, never guessed. */
function productionUrl() {
  const url = process.env.ADDIN_PRODUCTION_URL;
  if (!url) {
    throw new Error(
      'ADDIN_PRODUCTION_URL mangler: sæt den til den https-adresse, tilføjelsesprogrammet udgives på, fx\n' +
        '  ADDIN_PRODUCTION_URL=https://tb.kk.dk/ npm run build\n' +
        'Uden den ville dist/manifest.xml pege på en adresse, der ikke findes.',
    );
  }
  if (!/^https:\/\/[^/]+/.test(url)) throw new Error(`ADDIN_PRODUCTION_URL skal være en https-adresse, ikke "${url}"`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** One policy per page; `connect` adds the dev server's live-reload socket in development. */
function contentSecurityPolicy({ officeJs, connect }) {
  return [
    "default-src 'none'",
    `script-src 'self'${officeJs ? ` ${OFFICE_JS_ORIGIN}` : ''}`,
    // Office.js checks an unknown (on-premises) host in a hidden frame from its own origin.
    `frame-src ${officeJs ? OFFICE_JS_ORIGIN : "'none'"}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.length ? connect.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Reads the production address when webpack applies its plugins, before it builds anything, so
 * that a build without it fails at once and not halfway through copying the manifest. Reading the
 * configuration alone (as knip does, to see which loaders the build uses) needs no address.
 */
class ProductionUrlPlugin {
  apply() {
    this.url = productionUrl();
  }
}

module.exports = (_env, argv) => {
  const dev = argv.mode === 'development';
  const production = dev ? null : new ProductionUrlPlugin();
  const connect = dev ? ["'self'", 'wss://localhost:3000'] : [];
  const page = (name, template, chunks, officeJs) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      // The template puts the policy first in <head>, before any script or style it governs.
      csp: contentSecurityPolicy({ officeJs, connect }),
    });

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: ['./src/taskpane/zodJitless.ts', './src/taskpane/index.tsx'],
      commands: './src/taskpane/commands.ts',
      harness: ['./src/taskpane/zodJitless.ts', './src/harness/index.tsx'],
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    // webpack's own runtime code, too, stays within the target.
    target: ['web', ECMA_TARGET],
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // `npm run typecheck` checks types; the bundle only needs the code, as ES modules.
              transpileOnly: true,
              compilerOptions: { target: ECMA_TARGET, module: 'es2022', moduleResolution: 'bundler', noEmit: false, sourceMap: dev },
            },
          },
        },
        {
          // Libraries ship newer syntax (class static blocks, `?.`, `??`): lowered to the target too.
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              instance: 'libraries',
              transpileOnly: true,
              compilerOptions: {
                allowJs: true,
                target: ECMA_TARGET,
                module: 'es2022',
                moduleResolution: 'bundler',
                noEmit: false,
                sourceMap: false,
                isolatedModules: true,
              },
            },
          },
        },
      ],
    },
    plugins: [
      ...(production ? [production] : []),
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane'], true),
      page('commands', './src/taskpane/commands.html', ['commands'], true),
      page('harness', './src/harness/harness.html', ['harness'], false),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // Plain ES5, loaded before everything else: the message when the pane cannot start.
          // `minimized` keeps the minifier (which writes for the bundles' target) away from it.
          { from: 'src/taskpane/fallback.js', to: 'fallback.js', info: { minimized: true } },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? content.toString().split(DEV_URL).join(production.url) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      // webpack-dev-server makes a self-signed certificate; trust it once in the browser (README).
      server: 'https',
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  };
};

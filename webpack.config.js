/**
 * Builds the Excel add-in into dist/: the task pane (taskpane.html), the ribbon's function file
 * (commands.html), the "Prøv uden Excel" harness (harness.html), the icons and the manifest.
 *
 *   npm run build        production build; manifest URLs point at ADDIN_PRODUCTION_URL
 *   npm run dev-server   https://localhost:3000 for sideloading manifest.xml
 *
 * Every page carries a Content-Security-Policy that allows no network except loading Office.js
 * from Microsoft's CDN (the pane and the function file; the harness allows none at all).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** Where the production build is served from (https, ending in a slash). */
function productionUrl() {
  const url = process.env.ADDIN_PRODUCTION_URL || 'https://teknisk-beregningsark.example.com/';
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PRODUCTION_URL skal være en https-adresse, ikke "${url}"`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** One policy per page; `connect` adds the dev server's live-reload socket in development. */
function contentSecurityPolicy({ officeJs, connect }) {
  return [
    "default-src 'none'",
    `script-src 'self'${officeJs ? ` ${OFFICE_JS_ORIGIN}` : ''}`,
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

module.exports = (_env, argv) => {
  const dev = argv.mode === 'development';
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
      taskpane: './src/taskpane/index.tsx',
      commands: './src/taskpane/commands.ts',
      harness: './src/harness/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
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
              compilerOptions: { module: 'es2022', moduleResolution: 'bundler', noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane'], true),
      page('commands', './src/taskpane/commands.html', ['commands'], true),
      page('harness', './src/harness/harness.html', ['harness'], false),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(productionUrl())),
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

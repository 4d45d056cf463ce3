/**
 * The manifest's function file. The ribbon button only opens the task pane, so there are no
 * commands; Office still needs the page to initialise Office.js.
 */
void Office.onReady();

import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { useAppStyles } from './App.styles';

/** The pane opened outside Excel: say so, and point to the harness that runs without Excel. */
export function NotInExcel() {
  const styles = useAppStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="da">
      <main className={styles.root}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Teknisk beregningsark kører i Excel</MessageBarTitle>
            Åbn ruden fra knappen Teknisk beregningsark under Startside i Excel, eller <Link href="harness.html">prøv den uden Excel</Link>.
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

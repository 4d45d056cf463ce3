import { makeStyles, tokens } from '@fluentui/react-components';

export const useStatusStyles = makeStyles({
  progress: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  problems: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
    overflowWrap: 'anywhere',
  },
});

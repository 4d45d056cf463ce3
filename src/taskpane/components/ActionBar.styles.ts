import { makeStyles, tokens } from '@fluentui/react-components';

export const useActionBarStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
  },
  help: {
    color: tokens.colorNeutralForeground2,
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  // A list item (not flex), so the step keeps its number.
  step: {
    display: 'list-item',
    '::marker': { fontWeight: tokens.fontWeightSemibold },
  },
  stepText: {
    display: 'block',
    marginBottom: tokens.spacingVerticalXS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
});

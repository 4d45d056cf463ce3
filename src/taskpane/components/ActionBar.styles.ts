import { makeStyles, tokens } from '@fluentui/react-components';

export const useActionBarStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    border: 'none',
  },
  wide: {
    gridColumn: '1 / -1',
  },
});

import reactHooks from 'eslint-plugin-react-hooks';
import shared from '../../eslint.config.js';

export default [...shared, reactHooks.configs.flat['recommended-latest']];

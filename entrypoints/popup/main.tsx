import { render } from 'preact';
render(<h1>客知</h1>, document.getElementById('app')!);

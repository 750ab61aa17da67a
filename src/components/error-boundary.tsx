import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Feature name shown in the fallback, e.g. "Data". */
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Catches a feature's render errors so the rest of the page keeps working. */
export class FeatureBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel panel-error" role="alert">
        <p>
          <strong>{this.props.name} failed:</strong> {error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

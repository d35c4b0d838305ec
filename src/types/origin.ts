/** The origin record committed beside every dataset in data/ (`<name>.origin.json`). */
export interface Origin {
  file: string;
  producer: string;
  title: string;
  url: string;
  retrieved: string;
  licence: string;
  processing: string;
  published?: string;
  downloadUrl?: string;
  notes?: string;
}

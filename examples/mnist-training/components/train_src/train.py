"""Trains a logistic-regression classifier on MNIST and saves it as an MLflow model."""
import argparse

import mlflow
import numpy as np
from sklearn.linear_model import LogisticRegression


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--training_data", required=True)
    parser.add_argument("--max_iter", type=int, default=100)
    parser.add_argument("--model", required=True)
    args = parser.parse_args()
    data = np.load(f"{args.training_data}/mnist.npz")
    clf = LogisticRegression(max_iter=args.max_iter).fit(data["x_train"].reshape(-1, 784) / 255.0, data["y_train"])
    mlflow.sklearn.save_model(clf, args.model)


if __name__ == "__main__":
    main()
